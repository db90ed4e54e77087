import type { Deps } from '../platform/deps.ts';

export const DEMO_PASSWORD = 'redvest-demo';
export const DEMO_ACCOUNTS: { login: string; description: string }[] = [];

export async function loadDemoCity(_deps: Deps): Promise<boolean> {
  return false;
}
