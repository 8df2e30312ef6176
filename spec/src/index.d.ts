import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  tags: string[];
  parameters: Array<Record<string, any>>;
  requestBody?: Record<string, any>;
  responses: Record<string, Record<string, any>>;
  statuses: string[];
  security?: Array<Record<string, string[]>>;
  operation: Record<string, any>;
}

export interface SpecValidator {
  ajv: Ajv2020;
  schema(name: string): ValidateFunction;
  compile(schema: object): ValidateFunction;
  response(operationId: string, status: number | string): ValidateFunction | undefined;
  request(operationId: string): ValidateFunction | undefined;
  operations: SpecOperation[];
}

export function loadSpec(): Record<string, any>;
export function listOperations(spec?: Record<string, any>): SpecOperation[];
export function resolve<T = any>(spec: Record<string, any>, node: T): any;
export function createSpecValidator(spec?: Record<string, any>): SpecValidator;
