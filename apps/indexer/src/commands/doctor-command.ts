import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';

export function doctorCommand(_env: IndexerEnv): Command {
  return new Command('doctor')
    .description('Check this machine: which TensorFlow.js backend runs the face models, and why.')
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
Backends are tried in order: tensorflow-gpu (@tensorflow/tfjs-node-gpu, CUDA), tensorflow
(@tensorflow/tfjs-node), wasm (SIMD). KINDRED_BACKEND=tensorflow-gpu|tensorflow|wasm|cpu forces one.

Example:
  $ kindred doctor
`,
    )
    .action(async (options: { json?: boolean }) => {
      const { backendInfo, pipelineVersion } = await import('@kindred/vision');
      const backend = await backendInfo();
      const result = { backend, pipeline: pipelineVersion() };
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      process.stdout.write(
        `Face backend: ${backend.name}${backend.simd ? ' (SIMD)' : ''}\n  ${backend.reason}\n` +
          `Face pipeline: ${result.pipeline}\n`,
      );
    });
}
