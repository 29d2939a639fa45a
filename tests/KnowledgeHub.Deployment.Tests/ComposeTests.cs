using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>
/// docker-compose.yml cannot be run here (no Docker engine), so it is parsed and held to the code:
/// every host present, built, wired to its own database, and no secret in it.
/// </summary>
public sealed partial class ComposeTests
{
    private static readonly YamlMappingNode Compose = Repository.ReadYaml("docker-compose.yml")[0];
    private static readonly YamlMappingNode ComposeServices = Compose.Map("services");

    public static TheoryData<string> ServiceHosts => new(Hosts.Services);

    public static TheoryData<string> AllHosts => new(Hosts.Services.Append("gateway"));

    [Fact]
    public void Compose_runs_the_infrastructure_every_service_and_the_gateway()
    {
        var names = ComposeServices.Children.Keys.Select(key => ((YamlScalarNode)key).Value).ToHashSet();

        Assert.Superset(
            new HashSet<string?>(["postgres", "rabbitmq", "elasticsearch", "otel-collector", "dashboard", "gateway", .. Hosts.Services]),
            names);
    }

    [Theory]
    [MemberData(nameof(AllHosts))]
    public void A_host_is_built_by_the_one_Dockerfile_naming_its_project(string host)
    {
        var build = ComposeServices.Map(host).Map("build");

        Assert.Equal(".", build.Text("context"));
        Assert.Null(build.Text("dockerfile"));
        Assert.Equal(Hosts.ProjectOf(host), build.Map("args").Text("HOST"));
        Assert.True(File.Exists(Repository.PathOf($"{(host == "gateway" ? "gateway" : $"services/{Hosts.Title(host)}")}/{Hosts.ProjectOf(host)}/{Hosts.ProjectOf(host)}.csproj")));
    }

    [Fact]
    public void The_Dockerfile_is_multi_stage_non_root_and_runs_the_host_it_was_given()
    {
        var dockerfile = Repository.Read("Dockerfile");

        Assert.Equal(2, Regex.Matches(dockerfile, @"^FROM ", RegexOptions.Multiline).Count);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", dockerfile);
        Assert.Matches(@"(?m)^USER app$", dockerfile);
        Assert.Contains("KNOWLEDGEHUB_HOST=${HOST}", dockerfile);
        Assert.Contains("""exec dotnet \"$KNOWLEDGEHUB_HOST.dll\" """, dockerfile);
        Assert.Contains("/health/ready", dockerfile);
        Assert.Empty(Directory.GetFiles(Repository.Root, "Dockerfile", SearchOption.AllDirectories).Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal)).Except([Repository.PathOf("Dockerfile")]));
    }

    [Fact]
    public void The_Dockerfile_restores_from_every_project_file_before_it_copies_the_source()
    {
        var dockerfile = Repository.Read("Dockerfile");
        var restore = dockerfile.IndexOf("dotnet restore", StringComparison.Ordinal);
        var source = dockerfile.IndexOf("COPY shared/ shared/", StringComparison.Ordinal);
        var projects = new[] { "shared", "services", "gateway" }
            .SelectMany(folder => Directory.GetFiles(Repository.PathOf(folder), "*.csproj", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .ToList();

        Assert.InRange(restore, 0, source);
        Assert.Contains("--no-restore", dockerfile[source..]);
        Assert.NotEmpty(projects);
        Assert.All(projects, project =>
        {
            var copy = dockerfile.IndexOf($"COPY {project} {Path.GetDirectoryName(project)!.Replace('\\', '/')}/", StringComparison.Ordinal);
            Assert.True(copy >= 0 && copy < restore, $"{project} is not copied before the restore in the Dockerfile.");
        });
    }

    [Theory]
    [MemberData(nameof(ServiceHosts))]
    public void A_service_has_its_own_database_and_the_shared_broker_and_authority(string service)
    {
        var environment = Environment(service);

        Assert.Matches($"^Host=postgres;Database=knowledgehub_{service};Username={service};Password=\\$\\{{KNOWLEDGEHUB_DB_PASSWORD:\\?", environment[$"ConnectionStrings__{service}"]);
        Assert.Equal("Postgres", environment["Database__Provider"]);
        Assert.Equal("RabbitMq", environment["Messaging__Transport"]);
        Assert.StartsWith("amqp://", environment["Messaging__RabbitMqUrl"]);
        Assert.Contains("http://gateway:8080", environment["Auth__Authority"]);
        Assert.Equal("unless-stopped", ComposeServices.Map(service).Text("restart"));
        Assert.Equal("service_healthy", ComposeServices.Map(service).Map("depends_on").Map("postgres").Text("condition"));
    }

    [Fact]
    public void The_database_init_script_creates_the_databases_and_roles_the_services_use()
    {
        var script = Repository.Read("deploy/compose/postgres/init-databases.sh");

        Assert.Contains($"for service in {string.Join(' ', Hosts.Services)}; do", script);
        Assert.Contains("CREATE DATABASE knowledgehub_${service} OWNER ${service};", script);
        Assert.Contains("./deploy/compose/postgres/init-databases.sh:/docker-entrypoint-initdb.d/", Repository.Read("docker-compose.yml"));
    }

    [Fact]
    public void The_gateway_proxies_every_service_to_its_container_and_is_the_only_published_app()
    {
        var gateway = Environment("gateway");

        foreach (var service in Hosts.Services)
        {
            Assert.Equal($"http://{service}:8080", gateway[$"Services__{service}__Urls"]);
            Assert.Null(ComposeServices.Map(service).Get("ports"));
        }

        Assert.Equal(["5000:8080"], ComposeServices.Map("gateway").Items("ports").Select(port => ((YamlScalarNode)port).Value));
    }

    /// <summary>
    /// Security finding (issue 24): the Production gateway had the dev sign-in on unless .env said
    /// otherwise, on every interface, so anyone who reached the host could mint an admin token.
    /// </summary>
    [Fact]
    public void The_dev_sign_in_is_off_unless_env_switches_it_on()
    {
        var gateway = Environment("gateway");

        Assert.Equal("Production", gateway["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("${KNOWLEDGEHUB_DEV_SIGN_IN:-false}", gateway["Auth__DevSignIn__Enabled"]);
        Assert.Contains("KNOWLEDGEHUB_DEV_SIGN_IN=false", File.ReadAllLines(Repository.PathOf(".env.example")));
    }

    [Fact]
    public void Elasticsearch_runs_9_with_security_on_and_Search_signs_in_with_the_password_from_env()
    {
        var elasticsearch = ComposeServices.Map("elasticsearch");
        var server = Environment("elasticsearch");
        var search = Environment("search");

        Assert.StartsWith("docker.elastic.co/elasticsearch/elasticsearch:9.", elasticsearch.Text("image"));
        Assert.Equal("true", server["xpack.security.enabled"]);
        Assert.StartsWith("${ELASTIC_PASSWORD:?", server["ELASTIC_PASSWORD"]);
        Assert.Contains("elastic:$${ELASTIC_PASSWORD}", string.Join(' ', elasticsearch.Map("healthcheck").Items("test").Select(part => ((YamlScalarNode)part).Value)));
        Assert.Equal("http://elasticsearch:9200", search["Search__Elasticsearch__Url"]);
        Assert.Equal("elastic", search["Search__Elasticsearch__Username"]);
        Assert.Equal(server["ELASTIC_PASSWORD"], search["Search__Elasticsearch__Password"]);
        Assert.Contains(File.ReadAllLines(Repository.PathOf(".env.example")), line => line.StartsWith("ELASTIC_PASSWORD=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rabbitmq")]
    [InlineData("dashboard")]
    public void A_management_console_is_published_on_loopback_only(string service)
    {
        var ports = ComposeServices.Map(service).Items("ports").Select(port => ((YamlScalarNode)port).Value!).ToList();

        Assert.NotEmpty(ports);
        Assert.All(ports, port => Assert.StartsWith("127.0.0.1:", port));
    }

    [Fact]
    public void No_secret_is_committed()
    {
        var compose = Repository.Read("docker-compose.yml");

        var secrets = SecretKey().Matches(compose).Concat(ConnectionStringPassword().Matches(compose)).Concat(UrlPassword().Matches(compose)).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, secret => Assert.StartsWith("${", secret.Groups["value"].Value));
        Assert.Contains(".env", File.ReadAllLines(Repository.PathOf(".gitignore")));
        Assert.True(File.Exists(Repository.PathOf(".env.example")));
    }

    private static IReadOnlyDictionary<string, string> Environment(string service) =>
        ComposeServices.Map(service).Map("environment").Entries();

    /// <summary>A YAML key that holds a password: <c>POSTGRES_PASSWORD: …</c>.</summary>
    [GeneratedRegex(@"(?m)^\s*[A-Z_]*PASS(?:WORD)?\s*:\s*(?<value>\S+)")]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"Password=(?<value>[^;\s]+)")]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"amqp://[^:/\s]+:(?<value>[^@\s]+)@")]
    private static partial Regex UrlPassword();
}
