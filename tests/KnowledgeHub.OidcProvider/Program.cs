using KnowledgeHub.OidcProvider;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

// A small OpenID Connect provider on OpenIddict for the hub's tests (ADR 0071): seeded users sign in
// on a login form; authorization code with PKCE, refresh tokens, end-session, discovery and JWKS;
// unencrypted JWT access tokens for the hub's audience. Settings come from the command line or the
// environment (Provider__AccessTokenLifetimeSeconds, Provider__RedirectUris__0, …).
var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection(ProviderSettings.SectionName).Get<ProviderSettings>() ?? new ProviderSettings();
builder.Services.AddSingleton(settings);
builder.Services.AddDbContext<DbContext>(options =>
{
    options.UseInMemoryDatabase("provider");
    options.UseOpenIddict();
});
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        // Its own name: the hub's cookies live on the same host (another port).
        options.Cookie.Name = "test_provider_session";
        options.LoginPath = "/account/login";
    });
builder.Services.AddAuthorization();
builder.Services.AddProviderServer(settings);
builder.Services.AddHostedService<ClientRegistrations>();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/health/ready", () => "ready");
LoginPage.Map(app);
ProviderEndpoints.Map(app);
app.Run();
