using System.Diagnostics;
using System.Globalization;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>Messages waiting in the local RabbitMQ's queues (default virtual host), from <c>rabbitmqctl</c>.</summary>
internal static class BrokerQueue
{
    /// <summary>The total and the deepest queue; null when no local broker answers (a standalone hub, or not root).</summary>
    public static async Task<(long Total, long Deepest, string DeepestQueue)?> DepthAsync()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", "list_queues", "name", "messages"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                return null;
            }

            var queues = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .Where(fields => fields.Length == 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                .Select(fields => (Name: fields[0], Messages: long.Parse(fields[1], CultureInfo.InvariantCulture)))
                .ToList();
            if (queues.Count == 0)
            {
                return null;
            }

            var deepest = queues.MaxBy(queue => queue.Messages);
            return (queues.Sum(queue => queue.Messages), deepest.Messages, deepest.Name);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no rabbitmqctl here
        }
    }
}
