using Microsoft.AspNetCore.Identity;

namespace DirectiveFlow.Web.Security;

/// <summary>The password was right, but it is the public demo password: not allowed in Production.</summary>
public sealed class DemoPasswordSignInResult : SignInResult
{
    public static readonly DemoPasswordSignInResult Instance = new();

    private DemoPasswordSignInResult() => IsNotAllowed = true;

    public const string TitleText = "Tài khoản còn dùng mật khẩu dùng thử (demo password refused)";

    public const string DetailText =
        "Tài khoản này vẫn dùng mật khẩu dùng thử công khai nên không được đăng nhập; quản trị viên cần đặt mật khẩu mới. "
        + "This account still has the public demo password and may not sign in: an administrator must set a new password.";
}
