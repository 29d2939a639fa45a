using KnowledgeHub.Gateway.Auth;
using KnowledgeHub.Gateway.Cors;
using KnowledgeHub.Gateway.Privacy;
using KnowledgeHub.Gateway.Proxies;
using KnowledgeHub.Gateway.RateLimiting;
using KnowledgeHub.Gateway.Services;
using KnowledgeHub.ServiceDefaults;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Web;

// The hub's one front door. With no service URLs configured it hosts every service itself on
// embedded defaults (standalone); with URLs it proxies to them (distributed).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddHubServices();
builder.AddRemotePersonStatus();
builder.AddTrustedProxies();
builder.AddUserRateLimiting();
builder.AddStrictCors();
builder.AddWebUi();

var app = builder.Build();
app.UseTrustedProxies();
app.UseServiceDefaults(afterAuthentication: pipeline => pipeline.UseCors().UseUserRateLimiting().UseWebUiPages());

var auth = app.Services.GetRequiredService<AuthSettings>();
if (DevSignIn.IsEnabled(auth))
{
    app.Logger.LogWarning("Development sign-in is enabled: anyone can sign in as anyone. Never enable it in production.");
    DevSignIn.Map(app);
    KeyDiscovery.Map(app);
}
else
{
    if (auth.DevSignIn.Enabled)
    {
        app.Logger.LogWarning("Auth:DevSignIn:Enabled is ignored: tokens come from the OpenID Connect authority in Auth:Oidc:Authority or Auth:Authority.");
    }

    DevSignIn.MapDisabled(app);
}

app.MapHubServices();
ExportMyData.Map(app);
app.MapWebUi();
app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the end-to-end tests.</summary>
public partial class Program;
