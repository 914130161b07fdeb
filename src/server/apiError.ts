/** The one error shape of the API. `code` is stable for clients; `message` is for developers' logs. */
export interface ApiError {
  error: { code: string; message: string };
}

export function apiError(code: string, message: string): ApiError {
  return { error: { code, message } };
}
