using Clerk.Models.Generator.Model;

namespace Clerk.Models.Generator.Emit;

/// <summary>Emits one generated file: the header, then each of its types in the file's order.</summary>
internal static class FileEmitter
{
    public static string Emit(EmitContext context, FileModel file)
    {
        var writer = new SourceWriter();
        context.WriteHeader(writer);
        for (var i = 0; i < file.Types.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            switch (file.Types[i])
            {
                case RecordModel record:
                    RecordEmitter.Write(writer, context, record);
                    break;
                case EnumModel model:
                    EnumEmitter.Write(writer, context, model);
                    break;
                case UnionModel union:
                    UnionEmitter.Write(writer, context, union);
                    break;
            }
        }

        context.WriteFooter(writer);
        return writer.ToString();
    }
}
