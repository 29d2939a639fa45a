using System.Globalization;
using System.Xml;

namespace KnowledgeHub.Communities.Features.Imports;

/// <summary>One <c>&lt;row&gt;</c> of a dump: its line in the file and its attributes.</summary>
internal sealed record DumpRow(int Line, IReadOnlyDictionary<string, string> Attributes)
{
    public string? this[string name] => Attributes.GetValueOrDefault(name);

    public long? Long(string name) =>
        long.TryParse(this[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Dump dates carry no zone; they are UTC.</summary>
    public DateTimeOffset? Date(string name) =>
        DateTime.TryParse(this[name], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : null;
}

/// <summary>
/// Reads a Stack Exchange dump file (<c>Posts.xml</c>, <c>Users.xml</c>) one row at a time, so a file
/// of any size costs one row of memory. A DTD is refused, never processed, and nothing outside the
/// file is ever resolved: no external entities, no entity expansion.
/// </summary>
internal static class StackExchangeDump
{
    public const string Posts = "posts";
    public const string Users = "users";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Reads the whole file once and names what is wrong with it, or answers null when it is a dump of that kind.</summary>
    public static string? Problem(string path, string root)
    {
        try
        {
            var rows = 0;
            foreach (var _ in Rows(path, root))
            {
                rows++;
            }

            return null;
        }
        catch (XmlException exception) when (exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return "The file declares a DTD (or entities), which is refused: a Stack Exchange dump has none.";
        }
        catch (XmlException exception)
        {
            return $"The file is not well-formed XML (line {exception.LineNumber}): it may be truncated. {exception.Message}";
        }
        catch (InvalidDataException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>Every row of the file, in file order; throws on a file that is not a dump of that kind.</summary>
    public static IEnumerable<DumpRow> Rows(string path, string root)
    {
        using var reader = XmlReader.Create(File.OpenRead(path), Settings);
        var info = (IXmlLineInfo)reader;
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != root)
        {
            throw new InvalidDataException($"The file is not a Stack Exchange {root}.xml: its root element should be <{root}>.");
        }

        if (reader.IsEmptyElement)
        {
            yield break;
        }

        reader.Read();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            if (reader.LocalName != "row")
            {
                throw new InvalidDataException($"The file is not a Stack Exchange {root}.xml: line {info.LineNumber} holds <{reader.LocalName}>, not <row>.");
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            var line = info.LineNumber;
            while (reader.MoveToNextAttribute())
            {
                attributes[reader.LocalName] = reader.Value;
            }

            reader.MoveToElement();
            reader.Skip();
            yield return new DumpRow(line, attributes);
        }

        // The closing root tag; a truncated file throws here rather than passing for a short one.
        reader.ReadEndElement();
        while (reader.Read())
        {
        }
    }
}
