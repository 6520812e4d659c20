/**
 * The folder of the capaian package (package.json, bin/, kpis/): found from this file when the CLI
 * runs from src/ through tsx, and from the value the compiler writes in (CAPAIAN_SOURCE_DIR, the
 * src/ folder the bundle was built from) when it runs from its compiled bundle, which lives in a
 * cache folder where `../../` means nothing.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const CAPAIAN_SOURCE_DIR: string | undefined;

export const PACKAGE_ROOT: string = typeof CAPAIAN_SOURCE_DIR === 'string' ? dirname(CAPAIAN_SOURCE_DIR) : fileURLToPath(new URL('../../', import.meta.url));
