export declare const PRECOMPRESSED_EXTENSIONS: string[];
export declare function precompressStatic(dir: string): { files: number; bytes: number; brotli: number };
