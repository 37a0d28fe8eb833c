using System.Buffers.Binary;
using System.IO.Compression;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;

/// Rewrites a screenshot as an indexed (256-colour) PNG to keep the README's images small: a
/// page is mostly a few flat colours, so the 256 most frequent ones stay exact and the rest
/// (anti-aliased text edges) take the nearest of them.
public static class PalettePng
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static byte[] Reduce(byte[] png)
    {
        var (width, height, pixels) = Decode(png);
        var counts = new Dictionary<int, int>();
        foreach (var p in pixels) counts[p] = counts.GetValueOrDefault(p) + 1;
        var palette = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(256).Select(c => c.Key).ToArray();
        var index = new Dictionary<int, byte>();
        for (var i = 0; i < palette.Length; i++) index[palette[i]] = (byte)i;

        var raw = new byte[height * (width + 1)];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var p = pixels[y * width + x];
                if (!index.TryGetValue(p, out var i)) index[p] = i = Nearest(palette, p);
                raw[y * (width + 1) + 1 + x] = i;
            }

        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 3; // indexed colour
        Chunk(output, "IHDR", header);
        Chunk(output, "PLTE", palette.SelectMany(p => new[] { (byte)(p >> 16), (byte)(p >> 8), (byte)p }).ToArray());
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(raw);
            Chunk(output, "IDAT", compressed.ToArray());
        }
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte Nearest(int[] palette, int p)
    {
        var (best, bestDistance) = (0, int.MaxValue);
        for (var i = 0; i < palette.Length; i++)
        {
            int dr = ((palette[i] >> 16) & 255) - ((p >> 16) & 255), dg = ((palette[i] >> 8) & 255) - ((p >> 8) & 255), db = (palette[i] & 255) - (p & 255);
            var distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (distance < bestDistance) (best, bestDistance) = (i, distance);
        }
        return (byte)best;
    }

    /// 8-bit RGB or RGBA (what Chromium writes), as 0xRRGGBB per pixel.
    private static (int Width, int Height, int[] Pixels) Decode(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidDataException("Not a PNG.");
        int width = 0, height = 0, bpp = 0;
        using var idat = new MemoryStream();
        for (var pos = 8; pos < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("Only 8-bit, non-interlaced PNGs.");
                bpp = data[9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException($"Colour type {data[9]} is not RGB(A).") };
            }
            if (type == "IDAT") idat.Write(data);
            pos += 12 + length;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * bpp;
        var raw = new byte[height * (stride + 1)];
        z.ReadExactly(raw);

        var pixels = new int[width * height];
        var previous = new byte[stride];
        var line = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan(y * (stride + 1) + 1, stride).CopyTo(line);
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? line[x - bpp] : 0, b = previous[x], c = x >= bpp ? previous[x - bpp] : 0;
                line[x] += (byte)(filter switch { 1 => a, 2 => b, 3 => (a + b) >> 1, 4 => Paeth(a, b, c), _ => 0 });
            }
            for (var x = 0; x < width; x++)
                pixels[y * width + x] = (line[x * bpp] << 16) | (line[x * bpp + 1] << 8) | line[x * bpp + 2];
            (previous, line) = (line, previous);
        }
        return (width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typeAndData));
        output.Write(number);
    }
}
