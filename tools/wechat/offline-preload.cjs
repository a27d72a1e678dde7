// Preloaded (`node -r`) into the processes that run WeChat's own tools offline. Every outgoing connection and
// DNS lookup fails the way an unreachable network does (asynchronously, so the tool's own error handling runs),
// and is reported on stderr as "NETWORK-ATTEMPT <target>" so the caller can tell which hosts were tried.
const net = require('node:net');
const dns = require('node:dns');

const report = (target) => process.stderr.write(`NETWORK-ATTEMPT ${target}\n`);

net.Socket.prototype.connect = function refuseConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = typeof first === 'object' && first ? `${first.host || first.path || 'localhost'}:${first.port || ''}` : String(first);
  report(target);
  const error = Object.assign(new Error(`connect ENETUNREACH ${target} (offline run)`), { code: 'ENETUNREACH' });
  process.nextTick(() => this.destroy(error));
  return this;
};
const refuseLookup = (hostname, ...rest) => {
  report(`dns ${hostname}`);
  const cb = rest[rest.length - 1];
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (offline run)`), { code: 'ENOTFOUND', hostname });
  if (typeof cb === 'function') process.nextTick(() => cb(error));
};
dns.lookup = refuseLookup;
dns.promises.lookup = (hostname) => {
  report(`dns ${hostname}`);
  return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (offline run)`), { code: 'ENOTFOUND', hostname }));
};
