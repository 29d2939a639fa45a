using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>
/// The policies as ASP.NET Core's default provider gives them, with one difference: the authorization
/// middleware does not keep each endpoint's combined policy. Its cache builds every endpoint of the process
/// when the middleware is made, before the server listens (the request delegates of some two hundred routes),
/// and routing builds them all again for the first request: the standalone hub was ready about half a second
/// later for it (ADR 0104). Combining an endpoint's policies on each request costs microseconds.
/// </summary>
internal sealed class PoliciesCombinedPerRequest(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override bool AllowsCachingPolicies => false;
}
