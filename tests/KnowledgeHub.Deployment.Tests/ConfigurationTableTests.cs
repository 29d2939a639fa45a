using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace KnowledgeHub.Deployment.Tests;

/// <summary>
/// docs/configuration.md names every setting the code reads, and nothing it no longer reads. The
/// settings are found in the code itself: the properties of every settings class (those with a
/// <c>SectionName</c>) and every key read directly from configuration.
/// </summary>
public sealed partial class ConfigurationTableTests
{
    private static readonly string[] SourceFolders = ["shared", "gateway", "services"];

    [Fact]
    public void Every_setting_the_code_reads_is_in_the_table()
    {
        var documented = DocumentedSettings();

        var missing = SettingsInCode().Where(setting => !documented.Any(row => row == setting || row.StartsWith(setting + ":", StringComparison.Ordinal))).ToList();

        Assert.True(missing.Count == 0, $"docs/configuration.md lacks: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void Every_setting_in_the_table_is_read_by_the_code()
    {
        var inCode = SettingsInCode();

        var stale = DocumentedSettings().Where(row => !inCode.Any(setting => row == setting || row.StartsWith(setting + ":", StringComparison.Ordinal))).ToList();

        Assert.True(stale.Count == 0, $"docs/configuration.md documents settings no code reads: {string.Join(", ", stale)}.");
    }

    [Fact]
    public void Settings_classes_are_found()
    {
        // The reflection below must really see the settings classes, or the table check proves nothing.
        Assert.Contains("Messaging:RabbitMqUrl", SettingsInCode());
        Assert.Contains("Auth:DevSignIn:TokenLifetimeMinutes", SettingsInCode());
        Assert.Contains("Services:{}:Urls", SettingsInCode());
    }

    /// <summary>The first column of the "KnowledgeHub settings" table, placeholders written <c>{}</c>.</summary>
    private static HashSet<string> DocumentedSettings()
    {
        var text = Repository.Read("docs/configuration.md");
        var table = text[text.IndexOf("## KnowledgeHub settings", StringComparison.Ordinal)..];
        var end = table.IndexOf("\n## ", 3, StringComparison.Ordinal);
        return TableRow().Matches(end < 0 ? table : table[..end]).Select(match => Placeholders(match.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> SettingsInCode()
    {
        var settings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in HubAssemblies().SelectMany(assembly => assembly.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field)
            {
                AddProperties(settings, (string)field.GetRawConstantValue()!, type);
            }
        }

        foreach (var file in SourceFolders.SelectMany(folder => Directory.EnumerateFiles(Repository.PathOf(folder), "*.cs", SearchOption.AllDirectories))
                     .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            settings.UnionWith(ConfigurationKey().Matches(source).Select(match => Placeholders(match.Groups["key"].Value)));
            if (source.Contains(".GetConnectionString(", StringComparison.Ordinal))
            {
                settings.Add("ConnectionStrings:{}");
            }
        }

        return settings;
    }

    /// <summary>Each bindable property is a setting; a nested settings object adds its own properties.</summary>
    private static void AddProperties(HashSet<string> settings, string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.SetMethod?.IsPublic == true))
        {
            var name = $"{prefix}:{property.Name}";
            var valueType = property.PropertyType;
            if (valueType.IsClass && valueType != typeof(string) && valueType != typeof(Uri) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(valueType))
            {
                AddProperties(settings, name, valueType);
            }
            else
            {
                settings.Add(name);
            }
        }
    }

    private static IEnumerable<Assembly> HubAssemblies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "KnowledgeHub.*.dll")
            .Where(path => !Path.GetFileName(path).Contains("Tests", StringComparison.Ordinal) && !Path.GetFileName(path).Contains("Testing", StringComparison.Ordinal))
            .Select(path => Assembly.LoadFrom(path));

    private static string Placeholders(string name) => Placeholder().Replace(name, "{}");

    /// <summary>Keys named where configuration is read: <c>const string …Setting… = "…"</c>, <c>configuration["…"]</c>, <c>configuration.GetSection("…")</c>.</summary>
    [GeneratedRegex("""(?:const string \w*(?:Setting|Section)\w* = |[Cc]onfiguration\[\$?|[Cc]onfiguration\.GetSection\()"(?<key>[A-Za-z_]+(?::[A-Za-z_{}]+)*)"[\])]?""")]
    private static partial Regex ConfigurationKey();

    [GeneratedRegex(@"^\| `(?<name>[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
