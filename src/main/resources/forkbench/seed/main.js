'use strict';
// The seed tutorial's main.js, made exact: fork one worker per part, send each 'start' with its range, await every
// result with Promise.all. Usage: node main.js <n> <workers>; prints the sum of [0, n) modulo 2^64 as a signed
// 64-bit integer, the same answer every forkbench strategy gives.
const { fork } = require('node:child_process');
const path = require('node:path');

function createChildProcess(from, to) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (message) => {
      if (message.type === 'result') {
        resolve(BigInt(message.sum));
      } else {
        reject(new Error(`worker ${child.pid}: ${message.error}`));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`worker ${child.pid} exited with ${signal ?? 'code ' + code}`));
      }
    });
    child.send({ type: 'start', from: from.toString(), to: to.toString() });
  });
}

// The split forkbench's Range.split makes: contiguous parts whose sizes differ by at most one, larger ones first.
function split(n, parts) {
  const base = n / BigInt(parts);
  const remainder = n % BigInt(parts);
  const ranges = [];
  let from = 0n;
  for (let i = 0n; i < BigInt(parts); i++) {
    const to = from + base + (i < remainder ? 1n : 0n);
    ranges.push([from, to]);
    from = to;
  }
  return ranges;
}

async function run(n, workers) {
  const results = await Promise.all(split(n, workers).map(([from, to]) => createChildProcess(from, to)));
  return BigInt.asIntN(64, results.reduce((a, b) => a + b, 0n));
}

// Whoever started us is gone when we are handed to another parent: exit, and the workers see their channel close
// and exit too. (Polled, unref'd: it never keeps the program alive.)
const starter = process.ppid;
setInterval(() => { if (process.ppid !== starter) process.exit(3); }, 100).unref();

const n = BigInt(process.argv[2]);
const workers = Number(process.argv[3]);
if (n < 0n || !Number.isInteger(workers) || workers < 1) {
  console.error('usage: node main.js <n >= 0> <workers >= 1>');
  process.exit(2);
}
run(n, workers).then(
  (sum) => { process.stdout.write(sum.toString() + '\n', () => process.exit(0)); },
  (error) => { console.error(error.message); process.exit(1); });
