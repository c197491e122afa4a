/**
 * The capture plan of a default run (the session architecture, -s 32, no -y, -v, abbrev= or
 * -e read=/write=), as compileCapturePlan makes it. `scripts/bundle.mjs` replaces this module in
 * the bin's bundle with that plan, compiled at bundle time from core, so a start-up does not
 * compile it (milliseconds of every run); undefined here, where every plan is compiled.
 */
export const prebuiltDefaultPlan: Uint32Array | undefined = undefined;
