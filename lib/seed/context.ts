/** What every seeder receives: the demo users' ids by their key, created first. */
export type TSeedContext = { users: Record<string, string> };
