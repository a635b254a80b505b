export declare const REPO_ROOT: string;
export type ServerProcess = {
  url: string;
  port: number;
  pid: number | undefined;
  output: () => string;
  stop: () => Promise<void>;
};
export declare function freePort(): Promise<number>;
export declare function startServer(
  env: Record<string, string | undefined>,
  timeoutMs?: number,
): Promise<ServerProcess>;
export declare function login(url: string, username: string, password: string): Promise<string>;
