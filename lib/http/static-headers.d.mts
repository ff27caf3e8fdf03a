export declare const STATIC_HEADERS: readonly (readonly [string, string])[];
