export {
  BUNDLE_PATH,
  createSpecValidator,
  HTTP_METHODS,
  loadSpec,
  refName,
  resolve,
  type JsonObject,
  type SpecValidator,
} from './spec.js';
export {
  expandPath,
  getOperation,
  jsonMedia,
  namedExamples,
  listOperations,
  OperationModelError,
  type ExampleCall,
  type HttpMethod,
  type OperationEffects,
  type OperationModel,
  type ParameterModel,
  type RequestBodyModel,
  type ResponseModel,
} from './model/operations.js';
export { bodyFields, type BodyFieldModel } from './model/body-fields.js';
export { acceptsPathValue, createRouter, type RouteMatch } from './model/router.js';
export { camelCase, kebabCase, methodWords, NamingError, pascalCase, snakeCase, words } from './model/naming.js';
