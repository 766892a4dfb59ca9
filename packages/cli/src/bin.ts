/** Entry point of the `greenlight` binary. Internal errors exit with 2 and a short message (the stack with DEBUG set). */
import { run, EXIT } from './cli.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

try {
  process.exitCode = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin,
  });
} catch (e) {
  const error = e as NodeJS.ErrnoException;
  if (process.env.DEBUG) process.stderr.write(`${error?.stack ?? String(e)}\n`);
  else {
    // File system errors (permissions, a file removed mid-run) are the user's to fix, not bugs.
    const io = typeof error?.code === 'string' && /^E[A-Z]+$/.test(error.code);
    process.stderr.write(io ? `greenlight: ${error.message}\n` : `greenlight: internal error: ${error?.message ?? String(e)}\nPlease report this; run with DEBUG=1 for the stack trace.\n`);
  }
  process.exitCode = EXIT.fatal;
}
