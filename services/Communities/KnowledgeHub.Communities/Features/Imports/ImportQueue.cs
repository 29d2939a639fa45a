using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Communities.Features.Imports;

/// <summary>Accepted imports, run one at a time in the background by the instance that received the files.</summary>
internal sealed class ImportQueue
{
    private readonly Channel<ImportJob> _jobs = Channel.CreateUnbounded<ImportJob>();

    public void Enqueue(ImportJob job) => _jobs.Writer.TryWrite(job);

    public IAsyncEnumerable<ImportJob> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);
}

internal sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StackExchangeImport>().RunAsync(job, stoppingToken);
        }
    }
}
