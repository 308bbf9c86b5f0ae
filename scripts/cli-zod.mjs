// Entry of dist/cli-zod.cjs: zod for the CLI bundle, which requires it on first use (bundle.mjs).
export { z } from 'zod';
