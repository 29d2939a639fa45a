using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Testing;

/// <summary>
/// Tells when a program started by <c>WebApplicationFactory</c> has disposed its services. The factory
/// and the program's own <c>app.Run()</c> both dispose the host once it stops, and a service provider
/// disposes once: the second caller returns at once. When the program's entry point thread came first,
/// the factory's <c>DisposeAsync</c> returned while that thread was still closing the search index, which
/// then wrote its last files into a data folder the test was deleting (4 of 25 hubs in a probe). A witness
/// created before every hosted service is disposed after them, so waiting for it waits for the index too.
/// </summary>
public sealed class HostDisposal
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _started;

    /// <summary>Call from <c>ConfigureTestServices</c>: adds the witness as the first hosted service.</summary>
    public void Watch(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(_ =>
        {
            _started = true;
            return new Witness(_disposed);
        }));

    /// <summary>Disposes <paramref name="factory"/>, then waits until the host it started has disposed every service.</summary>
    public async Task DisposeAsync(IAsyncDisposable factory)
    {
        await factory.DisposeAsync();
        if (_started)
        {
            await _disposed.Task.WaitAsync(Patience);
        }
    }

    private sealed class Witness(TaskCompletionSource disposed) : IHostedService, IDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => disposed.TrySetResult();
    }
}
