using System.Reflection;
using System.Xml.Linq;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Architecture.Tests;

/// <summary>
/// The directions between projects, read from the project files (what may be used) and from the
/// compiled assemblies (what is used): Contracts ← Messaging ← modules, Data below Messaging and
/// never above it, nothing in shared/ reaching into services/ or gateway/, and every project naming
/// every project it uses.
/// </summary>
public sealed class ProjectRulesTests
{
    /// <summary>Each shared project and the shared projects it may use; nothing else of ours.</summary>
    private static readonly Dictionary<string, string[]> SharedMayUse = new()
    {
        ["KnowledgeHub.Contracts"] = [],
        ["KnowledgeHub.ServiceDefaults"] = [],
        ["KnowledgeHub.Data"] = ["KnowledgeHub.ServiceDefaults"],
        ["KnowledgeHub.Messaging"] = ["KnowledgeHub.Contracts", "KnowledgeHub.Data", "KnowledgeHub.ServiceDefaults"],
    };

    private static readonly string[] TestPackages = ["Microsoft.NET.Test.Sdk", "xunit.v3", "xunit.runner.visualstudio"];

    private static readonly Lazy<IReadOnlyList<ProjectFile>> AllProjectFiles = new(() =>
        new[] { "shared", "services", "gateway", "tests" }
            .SelectMany(folder => Directory.GetFiles(RepositoryRoot.Of(folder), "*.csproj", SearchOption.AllDirectories).Select(path => ProjectFile.Read(folder, path)))
            .ToList());

    public static TheoryData<string> SharedProjects => new(SharedMayUse.Keys);

    public static TheoryData<string> AllProjects => new(Projects().Select(project => project.Name));

    [Theory]
    [MemberData(nameof(SharedProjects))]
    public void A_shared_project_uses_only_the_shared_projects_below_it(string project)
    {
        var allowed = SharedMayUse[project];

        var referenced = Projects().Single(candidate => candidate.Name == project).References;
        var used = Assembly.Load(project).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("KnowledgeHub.", StringComparison.Ordinal));

        Assert.Empty(referenced.Except(allowed));
        Assert.Empty(used.Except(allowed));
    }

    [Fact]
    public void Data_never_uses_Messaging_and_Messaging_builds_on_Contracts()
    {
        var data = Projects().Single(project => project.Name == "KnowledgeHub.Data");
        var messaging = Projects().Single(project => project.Name == "KnowledgeHub.Messaging");

        Assert.DoesNotContain("KnowledgeHub.Messaging", data.References);
        Assert.Contains("KnowledgeHub.Contracts", messaging.References);
    }

    [Fact]
    public void Nothing_in_shared_uses_a_service_or_the_gateway()
    {
        var outside = Projects().Where(project => project.Folder is "services" or "gateway").Select(project => project.Name).ToHashSet();

        var offending = Projects()
            .Where(project => project.Folder == "shared")
            .SelectMany(project => project.References.Where(outside.Contains).Select(reference => $"{project.Name} → {reference}"))
            .ToList();

        Assert.NotEmpty(outside);
        Assert.Empty(offending);
    }

    [Fact]
    public void A_module_uses_shared_projects_and_no_host_or_gateway()
    {
        var modules = Projects().Where(project => project.Folder == "services" && !project.Name.EndsWith(".Host", StringComparison.Ordinal)).ToList();

        Assert.Equal(6, modules.Count);
        Assert.All(modules, module => Assert.All(module.References, reference => Assert.Contains(reference, SharedMayUse.Keys)));
    }

    [Fact]
    public void Transitive_project_references_are_off_and_transitive_packages_are_pinned()
    {
        var build = XDocument.Load(RepositoryRoot.Of("Directory.Build.props"));
        var packages = XDocument.Load(RepositoryRoot.Of("Directory.Packages.props"));

        Assert.Equal("true", build.Descendants("DisableTransitiveProjectReferences").Single().Value);
        Assert.Equal("true", packages.Descendants("CentralPackageTransitivePinningEnabled").Single().Value);
    }

    /// <summary>With transitive references off, a project that leaves one out fails at build or at run time; this names it.</summary>
    [Theory]
    [MemberData(nameof(AllProjects))]
    public void A_project_names_every_project_it_depends_on(string name)
    {
        var projects = Projects().ToDictionary(project => project.Name);
        var project = projects[name];

        var missing = project.References
            .SelectMany(reference => Closure(reference, projects))
            .Distinct()
            .Except(project.References)
            .ToList();

        Assert.True(missing.Count == 0, $"{name} uses them through other projects; name them in its csproj: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Test_projects_take_the_test_packages_from_tests_Directory_Build_props()
    {
        var repeating = Projects()
            .Where(project => project.Folder == "tests")
            .Where(project => project.Packages.Intersect(TestPackages).Any())
            .Select(project => project.Name)
            .ToList();
        var props = XDocument.Load(RepositoryRoot.Of("tests/Directory.Build.props"));

        Assert.Empty(repeating);
        Assert.Equal(TestPackages.Order(), props.Descendants("PackageReference").Select(reference => (string)reference.Attribute("Include")!).Order());
    }

    private static IEnumerable<string> Closure(string name, IReadOnlyDictionary<string, ProjectFile> projects) =>
        projects[name].References.SelectMany(reference => Closure(reference, projects).Prepend(reference));

    private static IReadOnlyList<ProjectFile> Projects() => AllProjectFiles.Value;

    /// <param name="References">Projects whose assembly it uses (build-order-only references left out).</param>
    private sealed record ProjectFile(string Folder, string Name, IReadOnlyList<string> References, IReadOnlyList<string> Packages)
    {
        public static ProjectFile Read(string folder, string path)
        {
            var project = XDocument.Load(path);
            var references = project.Descendants("ProjectReference")
                .Where(reference => (string?)reference.Attribute("ReferenceOutputAssembly") != "false")
                .Select(reference => Path.GetFileNameWithoutExtension(((string)reference.Attribute("Include")!).Replace('\\', '/')))
                .ToList();
            var packages = project.Descendants("PackageReference").Select(reference => (string)reference.Attribute("Include")!).ToList();
            return new ProjectFile(folder, Path.GetFileNameWithoutExtension(path), references, packages);
        }
    }
}
