'use strict';
// The seed tutorial's worker.js: on 'start', sum the range and send the result back. The loop adds plain numbers,
// as the tutorial does, but only while the running total stays below 2^53, where every integer is exact; each block
// is then added to a BigInt, so the answer is exact (modulo 2^64) instead of the tutorial's rounded double.
const EXACT = 2 ** 53;
// The loop blocks the event loop, so a closed channel would go unnoticed until the end: between blocks, a worker
// whose parent is gone (it has been handed to another) stops, so none outlives the program.
const parent = process.ppid;

function sum(from, to) {
  let total = 0n;
  let i = from;
  while (i < to) {
    // Indices past 2^53 are no longer exact as numbers: sum those as BigInts (slow, but never wrong).
    if (i >= BigInt(EXACT)) {
      for (; i < to; i++) {
        total += i;
      }
      break;
    }
    const start = Number(i);
    const end = Number(to < BigInt(EXACT) ? to : BigInt(EXACT));
    // The most indices from start whose sum stays exact: block * (start + block) < 2^53.
    const block = Math.max(1, Math.min(end - start, Math.floor(EXACT / (start + Math.sqrt(EXACT)) / 2)));
    let partial = 0;
    for (let k = start; k < start + block; k++) {
      partial += k;
    }
    total += BigInt(partial);
    i += BigInt(block);
    if (process.ppid !== parent) {
      process.exit(3);
    }
  }
  return BigInt.asUintN(64, total);
}

process.on('message', (message) => {
  if (message.type !== 'start') {
    process.send({ type: 'error', error: `unknown message ${JSON.stringify(message)}` });
    return;
  }
  try {
    const result = sum(BigInt(message.from), BigInt(message.to));
    process.send({ type: 'result', sum: result.toString() }, () => process.exit(0));
  } catch (error) {
    process.send({ type: 'error', error: String(error) }, () => process.exit(1));
  }
});
// The parent is gone (its channel closed): nothing to report to.
process.on('disconnect', () => process.exit(0));
