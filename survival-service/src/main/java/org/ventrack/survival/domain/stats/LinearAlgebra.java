package org.ventrack.survival.domain.stats;

/** Small dense solve for the log-rank statistic (R {@code solve}, which uses LU with partial pivoting). */
final class LinearAlgebra {

    private LinearAlgebra() {
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting; a and b are not modified. */
    static double[] solve(double[][] a, double[] b) {
        int m = b.length;
        double[][] lu = new double[m][];
        for (int i = 0; i < m; i++) lu[i] = a[i].clone();
        double[] x = b.clone();
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int row = col + 1; row < m; row++) {
                if (Math.abs(lu[row][col]) > Math.abs(lu[pivot][col])) pivot = row;
            }
            if (lu[pivot][col] == 0) {
                throw new ArithmeticException("singular log-rank variance matrix");
            }
            double[] tmpRow = lu[col];
            lu[col] = lu[pivot];
            lu[pivot] = tmpRow;
            double tmp = x[col];
            x[col] = x[pivot];
            x[pivot] = tmp;
            for (int row = col + 1; row < m; row++) {
                double f = lu[row][col] / lu[col][col];
                if (f == 0) continue;
                for (int c = col; c < m; c++) lu[row][c] -= f * lu[col][c];
                x[row] -= f * x[col];
            }
        }
        for (int row = m - 1; row >= 0; row--) {
            double sum = x[row];
            for (int c = row + 1; c < m; c++) sum -= lu[row][c] * x[c];
            x[row] = sum / lu[row][row];
        }
        return x;
    }
}
