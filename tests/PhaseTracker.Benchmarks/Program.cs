using System.Text;

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

using PhaseTracker.Benchmarks;

// generate OUTDIR: write the documents the timing script uses; profile [ITEMS...]: where the time goes;
// anything else goes to BenchmarkDotNet (--filter '*', --list flat, ...).
switch (args.FirstOrDefault())
{
    case "generate" when args.Length == 2:
        Directory.CreateDirectory(args[1]);
        foreach (var items in new[] { 1000, 10000 })
        {
            var path = Path.Combine(args[1], BenchmarkDocuments.FileName(items));
            await File.WriteAllTextAsync(path, BenchmarkDocuments.Text(items), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Console.WriteLine($"{path}: {new FileInfo(path).Length:N0} bytes");
        }

        return 0;
    case "generate":
        await Console.Error.WriteLineAsync("usage: generate OUTDIR");
        return 1;
    case "profile":
        return await Breakdown.RunAsync(args[1..]);
    default:
        // Results go beside this project (bin/Release/net10.0 is three levels down), not into the caller's folder.
        var artifacts = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args, DefaultConfig.Instance.WithArtifactsPath(artifacts));
        return 0;
}
