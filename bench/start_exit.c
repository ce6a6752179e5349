/* The floor of the cold key press figure: a program that starts and exits at once, so the
 * table shows what process creation alone costs on this machine. */
int main(void) {
    return 0;
}
