using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Xunit;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>A bad setting stops a process at start with a message that names the setting.</summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Messaging:Transport", "Kafka", "Messaging")]
    [InlineData("Messaging:RabbitMqUrl", "http://rabbit", "Messaging:RabbitMqUrl")]
    [InlineData("Messaging:OutboxPollInterval", "-00:00:01", "Messaging:OutboxPollInterval")]
    [InlineData("Messaging:ErrorQueuePollInterval", "00:00:00", "Messaging:ErrorQueuePollInterval")]
    [InlineData("Messaging:PublishTimeout", "00:00:00", "Messaging:PublishTimeout")]
    [InlineData("Messaging:InMemoryBacklogAge", "00:01:01", "Messaging:InMemoryBacklogAge")]
    [InlineData("Messaging:InMemoryBacklogMessages", "0", "Messaging:InMemoryBacklogMessages")]
    public void A_bad_messaging_setting_is_named(string key, string value, string named)
    {
        var settings = key == "Messaging:Transport" ? Configuration((key, value)) : Configuration((key, value), ("Messaging:Transport", "RabbitMq"));

        AssertNamed(() => MessagingSettings.From(settings), named);
    }

    [Theory]
    [InlineData("Auth:Authority", "login.example.com", "Auth:Authority")]
    [InlineData("Auth:Authority", "http://login.example.com", "Auth:Authority")]
    [InlineData("Auth:DevSignIn:TokenLifetimeMinutes", "0", "Auth:DevSignIn:TokenLifetimeMinutes")]
    [InlineData("Auth:Audience", "", "Auth:Audience")]
    public void A_bad_auth_setting_is_named(string key, string value, string named) =>
        AssertNamed(() => AuthSettings.From(Configuration((key, value))), named);

    [Theory]
    [InlineData("http://login.example.com/", "Auth:RequireHttpsMetadata", "true", "Auth:Oidc:Authority")]
    [InlineData("login.example.com", "Auth:Oidc:ClientId", "hub", "Auth:Oidc:Authority")]
    [InlineData("https://login.example.com/", "Auth:Oidc:Audience", "", "Auth:Oidc:Audience")]
    [InlineData("https://login.example.com/", "Auth:Oidc:RoleClaim", " ", "Auth:Oidc:RoleClaim")]
    public void A_bad_oidc_setting_is_named(string authority, string key, string value, string named) =>
        AssertNamed(() => AuthSettings.From(Configuration(("Auth:Oidc:Authority", authority), (key, value))), named);

    [Theory]
    [InlineData("", "openid profile", "Auth:Oidc:ClientId")]
    [InlineData("hub", "profile email", "Auth:Oidc:Scope")]
    public void The_web_ui_without_a_client_id_or_the_openid_scope_is_named(string clientId, string scope, string named)
    {
        var settings = Configuration(("Auth:Oidc:Authority", "https://login.example.com/"), ("Auth:Oidc:ClientId", clientId), ("Auth:Oidc:Scope", scope));

        AssertNamed(() => AuthSettings.From(settings).Oidc.CheckWebClient(), named);
    }

    [Fact]
    public void An_oidc_provider_over_http_is_accepted_only_when_https_metadata_is_explicitly_not_required() =>
        Assert.True(AuthSettings.From(Configuration(("Auth:Oidc:Authority", "http://keycloak:8080/realms/hub"), ("Auth:RequireHttpsMetadata", "false"))).UsesOidc);

    [Fact]
    public void An_http_authority_is_accepted_only_when_https_metadata_is_explicitly_not_required() =>
        Assert.Equal("http://gateway:8080", AuthSettings.From(Configuration(("Auth:Authority", "http://gateway:8080"), ("Auth:RequireHttpsMetadata", "false"))).Authority);

    [Fact]
    public void A_bad_database_provider_is_named() =>
        AssertNamed(() => DatabaseRegistration.ResolveSettings(Configuration(("Database:Provider", "Oracle")), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, "search", []), "Database:Provider");

    [Fact]
    public void Postgres_without_a_connection_string_is_named() =>
        AssertNamed(() => DatabaseRegistration.ResolveSettings(Configuration(("Database:Provider", "Postgres")), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, "search", []), "ConnectionStrings:search");

    [Fact]
    public void A_bad_body_limit_is_named() =>
        AssertNamed(() => RequestSizeLimits.DefaultLimit(Configuration((RequestSizeLimits.SettingName, "lots"))), RequestSizeLimits.SettingName);

    private static void AssertNamed(Action read, string setting) =>
        Assert.Contains(setting, Assert.Throws<InvalidOperationException>(read).Message);

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value))).Build();
}
