namespace KnowledgeHub.Gateway.Cors;

/// <summary>
/// Cross-origin calls only from origins listed in <c>Cors:AllowedOrigins</c> (none by default: the
/// web UI is served from the gateway's own origin and needs no CORS).
/// </summary>
internal static class StrictCors
{
    public const string SettingName = "Cors:AllowedOrigins";

    public static WebApplicationBuilder AddStrictCors(this WebApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection(SettingName).Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || origin.EndsWith('/'))
            {
                throw new InvalidOperationException($"'{SettingName}' holds '{origin}', which is not an origin such as https://portal.example.com.");
            }
        }

        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "If-Match")
            .WithExposedHeaders("ETag", "Location", "Retry-After")));
        return builder;
    }
}
