/* Runs a command with a file as its standard input: with-stdin FILE COMMAND [ARGUMENT...].
 *
 * hyperfine 1.15 has no --input option, and a shell that redirects the frames file would add its
 * own start-up to the time of a server. This program adds one exec instead, and the cold key press
 * table measures that cost on its own row. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fputs("usage: with-stdin FILE COMMAND [ARGUMENT...]\n", stderr);
        return 2;
    }
    int file = open(argv[1], O_RDONLY);
    if (file < 0) {
        perror(argv[1]);
        return 2;
    }
    if (dup2(file, 0) < 0) {
        perror("dup2");
        return 2;
    }
    close(file);
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    return 127;
}
