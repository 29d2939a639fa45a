using Xunit;
using YamlDotNet.RepresentationModel;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>The manifests in deploy/k8s, parsed: what a cluster operator applies must be complete and safe.</summary>
public sealed class KubernetesTests
{
    private static readonly IReadOnlyList<YamlMappingNode> Resources = Directory
        .GetFiles(Repository.PathOf("deploy/k8s"), "*.yaml")
        .Where(file => Path.GetFileName(file) != "kustomization.yaml")
        .SelectMany(file => Repository.ReadYaml(Path.GetRelativePath(Repository.Root, file)))
        .ToList();

    public static TheoryData<string> AllHosts => new(Hosts.Services.Append("gateway"));

    [Fact]
    public void Kustomize_applies_every_manifest_in_the_folder()
    {
        var listed = Repository.ReadYaml("deploy/k8s/kustomization.yaml")[0].Items("resources").Select(item => ((YamlScalarNode)item).Value).ToHashSet();
        var files = Directory.GetFiles(Repository.PathOf("deploy/k8s"), "*.yaml").Select(Path.GetFileName).Where(name => name != "kustomization.yaml").ToHashSet();

        Assert.Equal(files, listed);
    }

    [Theory]
    [MemberData(nameof(AllHosts))]
    public void A_host_runs_as_a_probed_limited_non_root_deployment_behind_a_service(string host)
    {
        var deployment = Single("Deployment", host);
        var pod = deployment.Map("spec").Map("template").Map("spec");
        var container = (YamlMappingNode)Assert.Single(pod.Items("containers"));

        Assert.Equal("/health/ready", container.Map("readinessProbe").Map("httpGet").Text("path"));
        Assert.Equal("/health/live", container.Map("livenessProbe").Map("httpGet").Text("path"));
        Assert.NotNull(container.Map("resources").Map("limits").Text("memory"));
        Assert.NotNull(container.Map("resources").Map("limits").Text("cpu"));
        Assert.Equal("true", pod.Map("securityContext").Text("runAsNonRoot"));
        Assert.Equal("true", container.Map("securityContext").Text("readOnlyRootFilesystem"));
        Assert.Equal("false", container.Map("securityContext").Text("allowPrivilegeEscalation"));
        Assert.True(int.Parse(deployment.Map("spec").Text("replicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 2, "each host scales out");

        var service = Single("Service", host);
        Assert.Equal(host, service.Map("spec").Map("selector").Text("app.kubernetes.io/name"));
        Assert.Equal("8080", ((YamlMappingNode)Assert.Single(service.Map("spec").Items("ports"))).Text("port"));
    }

    [Theory]
    [MemberData(nameof(AllHosts))]
    public void Secrets_are_referenced_never_committed(string host)
    {
        var container = (YamlMappingNode)Single("Deployment", host).Map("spec").Map("template").Map("spec").Items("containers").Single();
        var variables = container.Items("env").Cast<YamlMappingNode>().ToList();

        Assert.DoesNotContain(Resources, resource => resource.Text("kind") == "Secret");
        Assert.All(variables.Where(variable => variable.Text("name")!.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || variable.Text("name") == "Messaging__RabbitMqUrl"),
            variable => Assert.Equal("knowledgehub-secrets", variable.Map("valueFrom").Map("secretKeyRef").Text("name")));
        Assert.All(variables, variable => Assert.False(
            variable.Text("value")?.Contains("Password=", StringComparison.OrdinalIgnoreCase) ?? false,
            $"{variable.Text("name")} holds a password in plain text"));
    }

    [Fact]
    public void The_gateway_reaches_every_service_and_only_it_is_exposed_by_the_ingress()
    {
        var gateway = (YamlMappingNode)Single("Deployment", "gateway").Map("spec").Map("template").Map("spec").Items("containers").Single();
        var variables = gateway.Items("env").Cast<YamlMappingNode>().ToDictionary(variable => variable.Text("name")!, variable => variable.Text("value"));
        var ingress = Assert.Single(Resources, resource => resource.Text("kind") == "Ingress");
        var backends = ingress.Map("spec").Items("rules").SelectMany(rule => rule.Map("http").Items("paths")).Select(path => path.Map("backend").Map("service").Text("name"));

        Assert.All(Hosts.Services, service => Assert.Equal($"http://{service}:8080", variables[$"Services__{service}__Urls"]));
        Assert.Equal(["gateway"], backends);
    }

    [Fact]
    public void The_cluster_configuration_turns_dev_sign_in_off_and_names_an_authority()
    {
        var config = Assert.Single(Resources, resource => resource.Text("kind") == "ConfigMap").Map("data").Entries();

        Assert.Equal("false", config["Auth__DevSignIn__Enabled"]);
        Assert.StartsWith("https://", config["Auth__Authority"]);
        Assert.Equal("Postgres", config["Database__Provider"]);
        Assert.Equal("RabbitMq", config["Messaging__Transport"]);
    }

    [Fact]
    public void Search_reaches_Elasticsearch_over_https_with_an_api_key_from_the_secret()
    {
        var config = Assert.Single(Resources, resource => resource.Text("kind") == "ConfigMap").Map("data").Entries();
        var search = (YamlMappingNode)Single("Deployment", "search").Map("spec").Map("template").Map("spec").Items("containers").Single();
        var apiKey = search.Items("env").Cast<YamlMappingNode>().Single(variable => variable.Text("name") == "Search__Elasticsearch__ApiKey");

        Assert.StartsWith("https://", config["Search__Elasticsearch__Url"]);
        Assert.DoesNotContain(config.Keys, key => key is "Search__Elasticsearch__ApiKey" or "Search__Elasticsearch__Password");
        Assert.Equal("knowledgehub-secrets", apiKey.Map("valueFrom").Map("secretKeyRef").Text("name"));
        Assert.Equal("elasticsearch-api-key", apiKey.Map("valueFrom").Map("secretKeyRef").Text("key"));
        Assert.Contains("--from-literal=elasticsearch-api-key=", Repository.Read("deploy/k8s/README.md"));
    }

    private static YamlMappingNode Single(string kind, string name) =>
        Assert.Single(Resources, resource => resource.Text("kind") == kind && resource.Map("metadata").Text("name") == name);
}
