using System.Reflection;
using System.Xml.Linq;
using KnowledgeHub.Alignment;
using KnowledgeHub.Communities;
using KnowledgeHub.Contracts;
using KnowledgeHub.Expertise;
using KnowledgeHub.Notifications;
using KnowledgeHub.Partnerships;
using KnowledgeHub.Search;
using Xunit;

namespace KnowledgeHub.Architecture.Tests;

/// <summary>The rules that keep services apart and the messaging stack free to run.</summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly[] Modules =
    [
        typeof(ExpertiseModule).Assembly,
        typeof(CommunitiesModule).Assembly,
        typeof(AlignmentModule).Assembly,
        typeof(PartnershipsModule).Assembly,
        typeof(SearchModule).Assembly,
        typeof(NotificationsModule).Assembly,
    ];

    public static TheoryData<string> ModuleNames => new(Modules.Select(module => module.GetName().Name!));

    [Fact]
    public void No_MassTransit_assembly_of_version_9_or_later_is_referenced()
    {
        var massTransit = AllReferencedAssemblies()
            .Where(name => name.Name!.StartsWith("MassTransit", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(massTransit);
        Assert.All(massTransit, name => Assert.True(
            name.Version!.Major < 9,
            $"{name.Name} {name.Version} is MassTransit 9 or later, which is commercial and refuses to start without a licence."));
    }

    [Fact]
    public void Central_package_versions_pin_MassTransit_below_9()
    {
        var props = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Directory.Packages.props"));
        var pins = props.Descendants("PackageVersion")
            .Where(pin => ((string?)pin.Attribute("Include"))?.StartsWith("MassTransit", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(pins);
        Assert.All(pins, pin => Assert.True(
            Version.Parse((string)pin.Attribute("Version")!).Major < 9,
            $"{pin.Attribute("Include")} is pinned to {pin.Attribute("Version")}."));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_no_other_module(string moduleName)
    {
        var module = Modules.Single(candidate => candidate.GetName().Name == moduleName);
        var others = Modules.Where(other => other != module).Select(other => other.GetName().Name).ToHashSet();

        var references = module.GetReferencedAssemblies().Select(reference => reference.Name).ToList();

        Assert.DoesNotContain(references, others.Contains);
    }

    [Fact]
    public void Contracts_reference_nothing_but_MassTransit_abstractions_and_the_runtime()
    {
        var references = IntegrationEvents.Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard" && name != "mscorlib");

        Assert.All(references, name => Assert.Equal("MassTransit.Abstractions", name));
    }

    [Fact]
    public void Contracts_are_records_in_a_service_namespace_with_a_pinned_urn()
    {
        var events = IntegrationEvents.Assembly.GetExportedTypes().Where(type => type != typeof(IntegrationEvents) && !type.IsNested).ToList();

        Assert.NotEmpty(events);
        Assert.All(events, type =>
        {
            Assert.Matches(@"^KnowledgeHub\.Contracts\.(Expertise|Communities|Alignment|Search)$", type.Namespace);
            Assert.NotNull(type.GetMethod("<Clone>$"));
            Assert.NotNull(type.GetCustomAttribute<MassTransit.MessageUrnAttribute>());
        });
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_exposes_only_its_module_class(string moduleName)
    {
        var module = Modules.Single(candidate => candidate.GetName().Name == moduleName);

        var exported = module.GetExportedTypes().Select(type => type.Name).ToList();

        Assert.Equal([moduleName.Split('.')[^1] + "Module"], exported);
    }

    private static IEnumerable<AssemblyName> AllReferencedAssemblies()
    {
        var seen = new Dictionary<string, AssemblyName>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>(Modules.Append(typeof(Program).Assembly));
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || !seen.TryAdd(reference.Name, reference))
                {
                    continue;
                }

                if (reference.Name.StartsWith("KnowledgeHub", StringComparison.Ordinal) || reference.Name.StartsWith("MassTransit", StringComparison.Ordinal))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return seen.Values;
    }
}
