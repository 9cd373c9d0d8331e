using System.IO.Compression;

using PhaseTracker.Tracking;
using PhaseTracker.Web.Cli;

namespace PhaseTracker.Web.Features.Export;

/// <summary>The decision records' MADR files in one zip, each under its path (<c>docs/adr/0001-title.md</c>), for a repo to unpack at its root.</summary>
public static class AdrZip
{
    public const string ContentType = "application/zip";

    public static byte[] Create(IEnumerable<MadrFile> files, DateTimeOffset modified)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = modified;
                using var stream = entry.Open();
                stream.Write(ExportVerb.Utf8.GetBytes(file.Text));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>"adrs.zip", or "phase-2-adrs.zip" for one phase's records.</summary>
    public static string FileName(int? phaseNumber) =>
        phaseNumber is { } number ? $"phase-{number}-adrs.zip" : "adrs.zip";
}
