import express from 'express';

// The yardstick: Express parsing the same JSON body and answering a small JSON, nothing else.
const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '1mb' }));
app.get('/readyz', (_req, res) => {
  res.json({ status: 'ready' });
});
app.post(['/v1/screenings', '/v1/screenings/batch'], (req, res) => {
  const items = Array.isArray(req.body?.items) ? req.body.items.length : 0;
  res.json({ decision: 'ACCEPT', items });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
