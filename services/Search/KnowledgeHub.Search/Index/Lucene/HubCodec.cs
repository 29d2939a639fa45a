using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Lucene 4.6's format with stored fields compressed in chunks of 4 KB instead of 16 KB. A page of
/// results reads each hit's stored fields, and Lucene decompresses a chunk from its start up to the
/// hit: with documents of a few hundred bytes that was about 8 KB decompressed per hit, the largest
/// part of a search after matching (ADR 0098). Segments written before keep their own codec's name
/// and are read by it; merges and rebuilds write this one.
/// </summary>
[CodecName(RegisteredName)]
internal sealed class HubCodec : FilterCodec
{
    private const string RegisteredName = "KnowledgeHub46";
    private const int StoredFieldsChunkBytes = 4 * 1024;

    private static readonly Lazy<HubCodec> Registered = new(() =>
    {
        // Process-wide, as Lucene.Net resolves a segment's codec by the name it wrote.
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(HubCodec)] });
        return new HubCodec();
    });

    private readonly StoredFieldsFormat _storedFields =
        new CompressingStoredFieldsFormat("KnowledgeHubStoredFields", CompressionMode.FAST, StoredFieldsChunkBytes);

    public HubCodec()
        : base(new Lucene46Codec())
    {
    }

    /// <summary>The codec for new segments, once Lucene.Net can find it by name to read them back.</summary>
    public static Codec Instance => Registered.Value;

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;
}
