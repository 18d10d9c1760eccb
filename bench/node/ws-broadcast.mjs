// Baseline for the chat benchmark: a plain broadcast server on Node's `ws` (no auth, no limits,
// no review, no logging). Every text message is sent to every connected client, encoded once.
// Usage: node bench/node/ws-broadcast.mjs <port>
import { WebSocketServer, WebSocket } from 'ws';

const port = Number(process.argv[2] ?? 9090);
const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false,
  handleProtocols: (protocols) => protocols.values().next().value ?? false });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => {
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    }
  });
});
console.log(`ws-broadcast listening on 127.0.0.1:${port} (pid ${process.pid})`);
