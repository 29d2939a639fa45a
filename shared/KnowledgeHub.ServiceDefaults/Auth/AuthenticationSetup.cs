using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeHub.ServiceDefaults.Auth;

/// <summary>JWT validation as every process does it: the gateway, and each service again (zero trust).</summary>
public static class AuthenticationSetup
{
    public static WebApplicationBuilder AddHubAuthentication(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.From(builder.Configuration);
        var usesAuthority = settings.AcceptsForeignSubjects;

        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (!usesAuthority)
        {
            var keyPath = string.IsNullOrWhiteSpace(settings.SigningKeyPath)
                ? Path.Combine(DataFolder.Resolve(builder.Configuration, builder.Environment), "keys", "signing-key.pem")
                : settings.SigningKeyPath;
            builder.Services.AddSingleton(_ => DevSigningKey.LoadOrCreate(keyPath));
            builder.Services.AddSingleton<DevTokenIssuer>();
        }

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();
        if (usesAuthority)
        {
            builder.Services.AddHostedService<KeyDiscoveryWarmUp>();
        }

        builder.Services
            .AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider>((options, services) =>
            {
                options.MapInboundClaims = false;
                // A caller learns that a token failed, never why (which check, which key).
                options.IncludeErrorDetails = false;
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context => TokenChecks.OnTokenValidatedAsync(context, settings),
                    OnAuthenticationFailed = RefusedTokens.OnAuthenticationFailedAsync,
                };
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    // An OIDC provider's issuer is the one its discovery document names, and nothing else.
                    ValidIssuer = settings.UsesOidc ? null : settings.Issuer,
                    ValidAudience = settings.UsesOidc ? settings.Oidc.Audience : settings.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = HubClaims.Name,
                    RoleClaimType = HubClaims.Roles,
                };
                if (usesAuthority)
                {
                    options.Authority = settings.ValidatingAuthority;
                    options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                }
                else
                {
                    options.TokenValidationParameters.IssuerSigningKey = services.GetRequiredService<DevSigningKey>().Key;
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            // Zero trust: an endpoint that forgets to say who may call it still demands a token.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Executive, policy => policy.RequireRole(Roles.Executive, Roles.Admin));
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, PoliciesCombinedPerRequest>());
        return builder;
    }
}
