// Renders /openapi.yaml with the Swagger UI files the service installs from npm; nothing comes from the internet.
(function () {
  const status = document.getElementById('docs-status');
  const say = (text) => {
    status.textContent = text;
    status.hidden = !text;
  };

  if (typeof window.SwaggerUIBundle !== 'function') {
    say('The API viewer did not load (/docs/swagger-ui/). The document itself is at /openapi.yaml.');
    return;
  }
  // Asked first so a missing document is a sentence on the page, not a viewer error.
  fetch('/openapi.yaml', { method: 'HEAD', cache: 'no-store' })
    .then((res) => {
      if (!res.ok) {
        say(`The API document is not published yet (HTTP ${res.status}). / Tài liệu API chưa được công bố.`);
        return;
      }
      say('');
      window.SwaggerUIBundle({
        url: '/openapi.yaml',
        dom_id: '#swagger-ui',
        presets: [window.SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout',
        deepLinking: true,
        validatorUrl: null, // The public validator is on the internet; counters may have none.
        tryItOutEnabled: false,
        defaultModelsExpandDepth: 0,
        docExpansion: 'list',
      });
    })
    .catch(() => say('The service cannot be reached. / Không kết nối được dịch vụ.'));
})();
