using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KnowledgeHub.OidcProvider;

/// <summary>Registers the hub's web UI (confidential, code + PKCE + refresh) and the tests' password-grant clients.</summary>
internal sealed class ClientRegistrations(IServiceProvider services, ProviderSettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        var web = new OpenIddictApplicationDescriptor
        {
            ClientId = ProviderSettings.WebClientId,
            ClientSecret = ProviderSettings.WebClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "KnowledgeHub",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in settings.RedirectUris)
        {
            web.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in settings.PostLogoutRedirectUris)
        {
            web.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        await applications.CreateAsync(web, cancellationToken);
        foreach (var clientId in new[] { ProviderSettings.TestClientId, ProviderSettings.OtherClientId })
        {
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientType = ClientTypes.Public,
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.GrantTypes.Password,
                    Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
                },
            }, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
