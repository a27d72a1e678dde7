// Preloaded (`node -r`) into child processes that load wx-server-sdk in tests: any outgoing connection or
// DNS lookup is refused and reported on stderr as "NETWORK-ATTEMPT <target>" so the test can fail on it.
const net = require('node:net');
const dns = require('node:dns');

net.Socket.prototype.connect = function refuseConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = typeof first === 'object' && first ? `${first.host || first.path || 'localhost'}:${first.port || ''}` : String(first);
  process.stderr.write(`NETWORK-ATTEMPT ${target}\n`);
  throw new Error(`network access attempted in a test: ${target}`);
};
dns.lookup = (hostname, ...rest) => {
  process.stderr.write(`NETWORK-ATTEMPT dns ${hostname}\n`);
  const cb = rest[rest.length - 1];
  if (typeof cb === 'function') process.nextTick(() => cb(new Error(`dns lookup attempted in a test: ${hostname}`)));
};
