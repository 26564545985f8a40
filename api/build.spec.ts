import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIR, buildServer } from './build.js';

describe("the server's build", () => {
  it('is made once for the same sources: the test run built it, so building again finds it current and leaves the folder alone', async () => {
    // test/global-setup.ts built it; npm start in the test files (running servers from .build/) calls the same
    const again = await buildServer();
    expect(again.built).toBe(false);
    expect(again.modules).toBeGreaterThan(100);
    expect(existsSync(join(BUILD_DIR, 'api/start.js'))).toBe(true);
    expect(existsSync(join(BUILD_DIR, 'api/graphql/descriptions.json'))).toBe(true);
  });
});
