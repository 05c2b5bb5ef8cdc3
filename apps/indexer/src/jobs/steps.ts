import type { ContentStep } from './content-steps.js';

export interface StepOptions {
  /** `--no-faces`: skip face detection. */
  faces: boolean;
}

/**
 * The steps that follow the inventory in `kindred index`, in order. The faces step (a later issue) goes here:
 * `if (options.faces) steps.push(facesStep(...))`, consuming new image contents while the walk goes on.
 */
export function contentSteps(_options: StepOptions): ContentStep[] {
  const steps: ContentStep[] = [];
  return steps;
}
