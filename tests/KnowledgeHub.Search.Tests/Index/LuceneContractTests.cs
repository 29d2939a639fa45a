using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Index.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>The contract on the embedded adapter, in a temporary folder of its own.</summary>
public sealed class Lucene_index_contract : SearchIndexContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kh-lucene-contract-").FullName;

    private protected override Task<ISearchIndexStore> CreateStoreAsync() =>
        Task.FromResult<ISearchIndexStore>(new LuceneIndexStore(_folder, TimeProvider.System, NullLogger<LuceneIndexStore>.Instance));

    private protected override Task DisposeStoreAsync(ISearchIndexStore store)
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
