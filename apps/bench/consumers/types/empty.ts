// The baseline of the type-cost benchmark: the same compiler options, no client.
export {};
