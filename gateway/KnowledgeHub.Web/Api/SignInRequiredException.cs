namespace KnowledgeHub.Web.Api;

/// <summary>The API answered 401: the user has no token or it expired. The UI sends them to sign in.</summary>
internal sealed class SignInRequiredException() : Exception("Sign-in required.");
