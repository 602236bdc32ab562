import { InvalidParamError, InvalidTransformationError } from '../../lib/errors.js';

/** The InvalidTransformationError `make` throws; fails the spec when it throws nothing or anything else. */
export function refusalOf(make: () => unknown): InvalidTransformationError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidTransformationError);
    expect(error).toBeInstanceOf(InvalidParamError);
    return error as InvalidTransformationError;
  }
  throw new Error('expected an InvalidTransformationError, but nothing was thrown');
}
