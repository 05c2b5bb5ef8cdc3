import { createInterface } from 'node:readline';
import { CliError } from './cli-error.js';

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}

/** Asks for a line on the terminal without echoing it. */
function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    output._writeToOutput = () => {}; // hide what is typed
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/**
 * A password: typed twice on a terminal (not echoed), or the first line of standard input when it is not a
 * terminal (for scripts: `printf '%s\n' "$PW" | kindred user add …`). Never a command-line argument, which other
 * users of the machine could see.
 */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = (await readAll(process.stdin)).split(/\r?\n/)[0] ?? '';
    if (!line) throw new CliError('no password on standard input');
    return line;
  }
  const first = await ask('Password: ');
  const second = await ask('Again: ');
  if (first !== second) throw new CliError('the two passwords differ');
  return first;
}
