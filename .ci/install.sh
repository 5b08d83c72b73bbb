#!/usr/bin/env bash
# make install / make uninstall.
#   install.sh install ROOT PROGRAM MANPAGE COMPLETIONS   (ROOT is $DESTDIR$PREFIX)
#   install.sh uninstall ROOT
# install puts the program in bin/, the committed Graph/ files (not .cache/ or text/) in share/socgraph/Graph, the
# man page and the bash, zsh and fish completions (COMPLETIONS holds socgraph.bash, _socgraph, socgraph.fish) where
# man and the shells look, and writes share/socgraph/install-manifest.txt last: one path relative to ROOT a line,
# the files installed, then the directories the install created (ending in /), parents first. An earlier install
# under ROOT is uninstalled first. uninstall removes the listed files, what socgraph itself wrote into its installed
# graph (the cache .cache/ and the text layer text/) and the manifest, then the empty directories of share/socgraph
# and those of the listed directories that are empty. (No `set -u`: macOS's bash 3.2 takes an empty array for unset.)
set -eo pipefail

manifest_path=share/socgraph/install-manifest.txt

uninstall() {
    local root=$1 manifest=$1/$manifest_path line
    if [ ! -f "$manifest" ]; then
        echo "socgraph: not installed under $root (no $manifest_path)" >&2
        exit 1
    fi
    local -a files=() dirs=()
    while IFS= read -r line; do
        case $line in
            '' | '#'*) continue ;;
            /* | .. | ../* | */.. | */../*)
                echo "socgraph: $manifest: refusing the path '$line'" >&2
                exit 1 ;;
            */) dirs=("$line" "${dirs[@]}") ;;
            *) files+=("$line") ;;
        esac
    done < "$manifest"
    for line in "${files[@]}"; do
        rm -f -- "$root/$line"
    done
    rm -rf -- "$root/share/socgraph/Graph/.cache" "$root/share/socgraph/Graph/text"
    rm -f -- "$manifest"
    find "$root/share/socgraph" -depth -type d -empty -delete
    for line in "${dirs[@]}"; do
        rmdir -- "$root/$line" 2>/dev/null || true
    done
    echo "socgraph: uninstalled from $root"
}

install_all() {
    local root=$1 program=$2 manpage=$3 completions=$4
    [ -f "$root/$manifest_path" ] && uninstall "$root" > /dev/null
    mkdir -p -- "$root"
    local -a files=() dirs=()

    # Creates the directory $1 (relative to ROOT) and records each level it had to create.
    make_dir() {
        [ -d "$root/$1" ] && return
        case $1 in */*) make_dir "${1%/*}" ;; esac
        mkdir -- "$root/$1"
        dirs+=("$1/")
    }
    # Copies the file $1 to $2 (relative to ROOT) with mode $3.
    put() {
        make_dir "$(dirname -- "$2")"
        install -m "$3" -- "$1" "$root/$2"
        files+=("$2")
    }

    put "$program" bin/socgraph 755
    [ -f Graph/manifest.tsv ] || { echo "socgraph: no Graph/manifest.tsv here to install" >&2; exit 1; }
    local file
    while IFS= read -r file; do
        put "Graph/$file" "share/socgraph/Graph/$file" 644
    done < <(cd Graph && find . \( -name '.?*' -o -path ./text \) -prune -o -type f ! -name '*.tmp' -print \
        | sed 's|^\./||' | LC_ALL=C sort)
    put "$manpage" share/man/man1/socgraph.1 644
    put "$completions/socgraph.bash" share/bash-completion/completions/socgraph 644
    put "$completions/_socgraph" share/zsh/site-functions/_socgraph 644
    put "$completions/socgraph.fish" share/fish/vendor_completions.d/socgraph.fish 644

    local manifest=$root/$manifest_path
    {
        echo "# socgraph's make install put these here (relative to the prefix); make uninstall removes them."
        printf '%s\n' "${files[@]}" "${dirs[@]}"
    } > "$manifest.tmp"
    mv -f -- "$manifest.tmp" "$manifest"
    echo "socgraph: installed ${#files[@]} files under $root (listed in $manifest_path)"
}

case "${1:-}" in
    install) [ $# = 5 ] || { echo "usage: $0 install ROOT PROGRAM MANPAGE COMPLETIONS" >&2; exit 2; }
             install_all "$2" "$3" "$4" "$5" ;;
    uninstall) [ $# = 2 ] || { echo "usage: $0 uninstall ROOT" >&2; exit 2; }
               uninstall "$2" ;;
    *) echo "usage: $0 install ROOT PROGRAM MANPAGE COMPLETIONS | uninstall ROOT" >&2; exit 2 ;;
esac
