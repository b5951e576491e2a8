import ImpCentral

/// The rule conflicts (409, `CX…`), permissions (403, `PX…`) and authentication (401).
extension APIError {
  static func duplicate(_ detail: String) -> APIError {
    APIError(status: 409, code: "CX001", title: "Duplicate Resource", detail: detail)
  }

  static func dependentDevicegroups() -> APIError {
    APIError(
      status: 409, code: "CX002", title: "Dependent Devicegroups Exist",
      detail: "Cannot delete a product with associated devicegroups.")
  }

  static func flaggedDeploymentsExist() -> APIError {
    APIError(
      status: 409, code: "CX003", title: "Flagged Deployments Exist",
      detail: "Cannot delete a devicegroup with flagged deployments; delete those first.")
  }

  static func resourceFlagged() -> APIError {
    APIError(
      status: 409, code: "CX004", title: "Resource Flagged",
      detail: "You cannot delete flagged deployments; set the flagged attribute to false "
        + "and try again.")
  }

  static func devicesAssigned() -> APIError {
    APIError(
      status: 409, code: "CX006", title: "Devices Assigned",
      detail: "Cannot delete a devicegroup that has devices; unassign them first.")
  }

  static func targetInUse() -> APIError {
    APIError(
      status: 409, code: "CX007", title: "Devicegroup Is A Target",
      detail: "Cannot delete a devicegroup that is the production or DUT target of a "
        + "fixture devicegroup; delete or retarget the fixture devicegroup first.")
  }

  static func minSupportedProtected() -> APIError {
    APIError(
      status: 409, code: "CX008", title: "Deployment Still Supported",
      detail: "Cannot delete a deployment that is its devicegroup's min supported "
        + "deployment or newer.")
  }

  static func deviceAssigned() -> APIError {
    APIError(
      status: 409, code: "CX009", title: "Device Assigned",
      detail: "Cannot delete a device that is assigned to a devicegroup; unassign it first.")
  }

  static func assignmentRefused(_ detail: String) -> APIError {
    APIError(status: 409, code: "CX010", title: "Assignment Refused", detail: detail)
  }

  static func deviceNotAssigned() -> APIError {
    APIError(
      status: 409, code: "CX011", title: "Device Not Assigned",
      detail: "Cannot restart a device that is not assigned to a devicegroup.")
  }

  static func accountLimitReached(_ limit: Int) -> APIError {
    APIError(
      status: 409, code: "CX012", title: "Account Limit Reached",
      detail: "This account already holds the maximum of \(limit) login keys.")
  }

  static func minSupportedTooOld() -> APIError {
    APIError(
      status: 409, code: "CX013", title: "Invalid Min Supported Deployment",
      detail: "The min supported deployment cannot move to a deployment older than the "
        + "current one.")
  }

  static func typeMismatch(_ given: String, actual: String) -> APIError {
    APIError(
      status: 409, code: "CX014", title: "Type Mismatch",
      detail: "The request names type '\(given)' but the resource is a '\(actual)'; the "
        + "type of a resource cannot change.")
  }

  static func idMismatch(_ given: String) -> APIError {
    APIError(
      status: 409, code: "CX015", title: "Id Mismatch",
      detail: "The request body names id '\(given)', which is not the resource in the path.")
  }
}

extension APIError {
  static func invalidPermission() -> APIError {
    APIError(
      status: 403, code: "PX001", title: "Invalid Permission",
      detail: "This account has no production features; production, DUT and fixture "
        + "devicegroups are not available to it.")
  }

  static func invalidPassword() -> APIError {
    APIError(
      status: 403, code: "PX002", title: "Invalid Password",
      detail: "Login keys are changed only with the account password in the "
        + "X-Electricimp-Password header; it is missing or wrong.")
  }

  static func invalidUnbondKey() -> APIError {
    APIError(
      status: 403, code: "PX003", title: "Invalid Unbond Key",
      detail: "Removing devices from a production devicegroup needs the account's unbond key "
        + "in the X-Electricimp-Key header; it is missing or wrong.")
  }

  static func foreignOwner() -> APIError {
    APIError(
      status: 403, code: "PX004", title: "Invalid Permission",
      detail: "Resources can be created only for your own account.")
  }

  static func missingToken() -> APIError {
    APIError(
      status: 401, code: "PX101", title: "Unauthorized",
      detail: "This endpoint needs an access token in the Authorization header (Bearer).")
  }

  static func invalidToken() -> APIError {
    APIError(
      status: 401, code: "PX102", title: "Unauthorized",
      detail: "The access token is invalid or has expired; get a new one at /auth/token.")
  }

  static func invalidCredentials() -> APIError {
    APIError(
      status: 401, code: "PX103", title: "Invalid Credentials",
      detail: "The id or password is wrong.")
  }

  static func invalidOneTimePassword() -> APIError {
    APIError(
      status: 401, code: "PX104", title: "Invalid Credentials",
      detail: "The one-time password is missing or wrong, or the login token has expired.")
  }

  static func twoFactorRequired(loginToken: String) -> APIError {
    APIError(
      status: 403, code: "PX105", title: "Two-Factor Authentication Required",
      detail: "Send the login token back to /auth with the one-time password in the "
        + "X-Electricimp-OTP-Token header.", meta: ["login_token": .string(loginToken)])
  }

  static func rateLimited() -> APIError {
    APIError(
      status: 429, code: "PX106", title: "Rate Limit Exceeded",
      detail: "Too many requests; wait for the time in X-RateLimit-Reset and try again.")
  }

  static func internalError(_ error: any Error) -> APIError {
    let reason = (error as? DatabaseError)?.message ?? "an unexpected failure"
    return APIError(
      status: 500, code: "XX001", title: "Internal Error",
      detail: "The sandbox could not complete the request: \(reason).")
  }
}
